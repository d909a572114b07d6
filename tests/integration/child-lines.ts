// The race tests drive a second process line by line: it prints a word when it holds the write lock
// (or has done its step), and the test waits for that word before racing it.
import type readline from "node:readline";

/** Resolves with the next line the child prints that equals `word`; fails after 30 s. */
export function expectLine(lines: readline.Interface, word: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${word}" from the second process`)), 30_000);
    lines.on("line", (line) => {
      if (line.trim() === word) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
