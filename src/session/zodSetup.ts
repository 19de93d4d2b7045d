import { z } from 'zod';

/**
 * Zod's fast parsers are compiled with `new Function`, which the app's Content-Security-Policy
 * forbids (no eval). Zod would fall back by itself, but only after a blocked attempt that the
 * browser reports as a policy violation; this tells it not to try.
 */
z.config({ jitless: true });
