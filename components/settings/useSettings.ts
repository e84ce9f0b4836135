import { useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings, type Settings } from '@/utils/settings';

/**
 * The stored settings, kept current when any page (or the other place a settings component is mounted) changes
 * them. `change` validates and saves at once; it rejects, leaving storage unchanged, when the result is invalid.
 */
export function useSettings(): {
  settings: Settings | null;
  change: (edit: (s: Settings) => Settings) => Promise<void>;
} {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((s) => setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const change = async (edit: (s: Settings) => Settings) => setSettings(await updateSettings(edit));
  return { settings, change };
}
