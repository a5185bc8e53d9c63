import { en } from 'zod/locales';
import * as z from 'zod/mini';

// zod/mini tree-shakes, which keeps the renderer small; it ships no messages of its own, so English is set once
// here for every schema in shared/ and main/, which all import z from this file.
z.config(en());

export { z };
