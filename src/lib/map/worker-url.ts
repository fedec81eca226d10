/**
 * MapLibre 6 is ESM-only and starts its worker from `maplibre-gl-worker.mjs`. Importing the file's URL
 * lets Vite copy it into the build with a hashed name; the server must send `.mjs` as JavaScript.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
