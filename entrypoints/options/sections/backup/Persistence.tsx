/** "Keep the journal safe on this device": asks the browser for persistent storage and shows whether it is granted. */
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';

export function Persistence() {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const supported = typeof navigator !== 'undefined' && !!navigator.storage?.persist;
  useEffect(() => {
    if (!supported) return;
    void navigator.storage.persisted().then(setPersisted);
    void navigator.storage.estimate?.().then((e) => setUsage(e.usage ?? null));
  }, [supported]);
  const ask = async () => {
    setPersisted(await navigator.storage.persist());
  };
  return (
    <section class="backup-part" aria-labelledby="bk-persist-h">
      <h3 id="bk-persist-h">{t('dataPersistTitle')}</h3>
      <p class="muted">{t('dataPersistHint')}</p>
      <p role="status" data-testid="persist-status">
        {!supported
          ? t('dataPersistUnsupported')
          : persisted === null
            ? t('dataLoading')
            : persisted
              ? t('dataPersistYes')
              : t('dataPersistNo')}
        {usage !== null && ` ${t('dataUsage', megabytes(usage))}`}
      </p>
      {supported && persisted === false && (
        <button type="button" onClick={() => void ask()}>
          {t('dataPersistAsk')}
        </button>
      )}
    </section>
  );
}

/** "0.3" / "0,3": megabytes with one decimal in the browser's language. */
function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString(uiLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
