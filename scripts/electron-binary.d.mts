export function electronDir(): string;
export function findElectron(): string | null;
export function tryDownloadElectron(): string | null;
