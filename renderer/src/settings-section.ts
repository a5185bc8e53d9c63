import type { AppState } from '../../shared/app-state';
import type { SettingsPatch } from '../../shared/config';

/** What each part of Settings gets: the state it shows, and how it saves a change (the message, or null). */
export interface SettingsSectionProps {
  state: AppState;
  save: (patch: SettingsPatch) => Promise<string | null>;
}
