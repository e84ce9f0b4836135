import { t } from '@/utils/i18n';

/** The always-reachable link to the fixed "When to get help now" page (opens in a new tab). */
export function HelpLink({ class: className = 'help-link' }: { class?: string }) {
  return (
    <a class={className} href="/help.html" target="_blank" rel="noopener">
      {t('helpLink')}
    </a>
  );
}
