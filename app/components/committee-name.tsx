// A committee's name in the page's language: its English name from the catalogue (messages-pages.ts,
// keyed by the Chinese name), else the name as written, marked as Chinese for screen readers.
import { dataLang, useLocale, useT } from "~/i18n";

export function useCommitteeName(): (name: string) => { text: string; lang: string | undefined; translated: boolean } {
  const t = useT();
  const locale = useLocale();
  return (name) => {
    const english = t.pages.committeeNames[name];
    return english ? { text: english, lang: undefined, translated: true } : { text: name, lang: dataLang(locale), translated: false };
  };
}

export function CommitteeName({ name }: { name: string }) {
  const n = useCommitteeName()(name);
  return <span lang={n.lang}>{n.text}</span>;
}
