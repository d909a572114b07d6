// "人民调解不收费": said where people choose and book (profile, booking form, booking page), so nobody
// stays away for fear of a fee. One component, so every place says the same words.
import { useT } from "~/i18n";

export function FreeOfCharge({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <p className={`free-of-charge${compact ? " is-compact" : ""}`}>
      <strong>{t.centre.freeOfCharge}</strong>
      {compact ? null : <span>{` ${t.centre.freeOfChargeBody}`}</span>}
    </p>
  );
}
