// React, react-dom and the built cxdesk/react as one ES module (React ships CommonJS only): bundled
// into .cache/react-bundle.js by npm start (for demo/react.html) and by the test runner.
export { default as React } from 'react';
export { createRoot } from 'react-dom/client';
export * from '../../dist/react.js';
