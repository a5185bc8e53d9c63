import { homedir } from 'node:os';
import { compileCacheDir, enableCompileCache } from './compile-cache';

// The CLI itself is loaded after the compile cache is in place: a static import would load the bundle first.
enableCompileCache(__dirname, compileCacheDir(process.platform, process.env, homedir()));
void import('./index');
