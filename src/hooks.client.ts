import { config } from 'zod';

// The pages' Content-Security-Policy allows no eval (svelte.config.js). zod probes for `new Function`
// to compile object parsers, and browsers report that probe as a violation even though zod catches it;
// jitless skips the probe (parsing is as strict, a little slower). The server runs without a CSP and keeps
// the compiled parsers.
config({ jitless: true });
