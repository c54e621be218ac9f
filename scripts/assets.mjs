// Copies files that ship as they are into dist/: the REST contract as OpenAPI 3.1.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync(new URL('../dist', import.meta.url), { recursive: true });
copyFileSync(new URL('../src/rest/openapi.json', import.meta.url), new URL('../dist/openapi.json', import.meta.url));
