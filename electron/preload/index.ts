// Sandboxed preload (bundled to CommonJS): exposes window.winkelpost and nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('winkelpost', createBridge(ipcRenderer, webUtils));
