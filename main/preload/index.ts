import { contextBridge } from 'electron';

// The typed CreditbarApi bridge arrives with the IPC contract (#4); until then the renderer gets only the version.
contextBridge.exposeInMainWorld('creditbar', Object.freeze({ version: 1 }));
