import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_INVOKE, bridgeEvent, type KioskBridge } from '../shared/api/bridge';

/** The whole bridge: invoke a contract channel, or listen to a main-process event. */
const bridge: KioskBridge = {
  invoke: (channel, envelope) => ipcRenderer.invoke(BRIDGE_INVOKE, channel, envelope),
  on: (event, cb) => {
    const listener = (_e: IpcRendererEvent, payload: unknown) => cb(payload);
    ipcRenderer.on(bridgeEvent(event), listener);
    return () => ipcRenderer.removeListener(bridgeEvent(event), listener);
  },
};
contextBridge.exposeInMainWorld('kiosk', bridge);
