/** What each panel of the exchange desk gets: the folder (stick) the coordinator chose, shared across tabs. */
export interface PanelProps {
  folder: string;
  onFolder(folder: string): void;
}
