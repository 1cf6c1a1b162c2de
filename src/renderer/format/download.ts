/**
 * Hands a CSV the core wrote to the browser as a download (the shell's save dialog in Electron):
 * the one way every screen's export leaves the kiosk.
 */
export function downloadCsv(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
