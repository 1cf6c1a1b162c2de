import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** The whole bridge: invoke a contract channel, or listen to a main-process event. */
contextBridge.exposeInMainWorld('kiosk', {
  invoke: (channel: string, envelope: unknown): Promise<unknown> => ipcRenderer.invoke('api', channel, envelope),
  on: (event: string, cb: (payload: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, payload: unknown) => cb(payload);
    ipcRenderer.on(`event:${event}`, listener);
    return () => ipcRenderer.removeListener(`event:${event}`, listener);
  },
});
