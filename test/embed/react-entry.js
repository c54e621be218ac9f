// Bundled by test/web-test-runner.config.mjs into .cache/react-bundle.js (React is CommonJS only).
export { default as React } from 'react';
export { createRoot } from 'react-dom/client';
export * from '../../dist/react.js';
