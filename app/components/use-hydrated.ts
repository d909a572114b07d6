// True once React runs in the browser: progressive enhancements (instant search) switch on here, and
// the buttons a form without JavaScript needs can step aside.
import { useEffect, useState } from "react";

let hydrating = true;

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => !hydrating);
  useEffect(() => {
    hydrating = false;
    setHydrated(true);
  }, []);
  return hydrated;
}
