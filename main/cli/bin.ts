import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { compileCacheDir } from './compile-cache';
import { KEYCHAIN_HELPER_ARG } from './keychain-helper-arg';

// Node's own compile cache (22.1+) keeps V8's compiled code for the CLI's bundle between runs, so `creditbar
// status` does not parse and compile its JavaScript on every start. Node checks each entry against the file's
// text, honours NODE_DISABLE_COMPILE_CACHE, and reports a folder it cannot make in its return value, never by
// throwing. The CLI itself is loaded after: a static import would load the bundle first.
// On an older Node (Debian 13 ships 20) the bundle cannot run: one line saying so, not a stack trace.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`creditbar needs Node.js 22.12 or later; this is ${process.versions.node}.\n`);
  process.exit(3);
}
enableCompileCache(compileCacheDir(process.platform, process.env, homedir()));
if (process.argv[2] === KEYCHAIN_HELPER_ARG)
  void import('../core/store/keychain-helper').then((helper) => helper.serveKeychainHelper());
else void import('./index');
