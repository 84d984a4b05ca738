import { z } from "zod";

// zod compiles object parsers with `new Function` when it may; the probe alone is a CSP violation
// in the browser (our CSP has no 'unsafe-eval'). Every schema module imports this first.
z.config({ jitless: true });
