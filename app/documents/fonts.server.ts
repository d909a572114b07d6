// The CJK fonts a document embeds: Debian's Noto CJK (package fonts-noto-cjk), the Simplified Chinese face of
// each OpenType collection. Read once per process and kept: the files are 20-27 MB each and pdfkit subsets
// from the bytes, so a render only pays for the glyphs it uses.
import fs from "node:fs";
import path from "node:path";

/** Where distributions put Noto CJK: Debian/Ubuntu first, then Fedora, Arch, Alpine and a local install. */
const FONT_DIRS = [
  "/usr/share/fonts/opentype/noto",
  "/usr/share/fonts/opentype/noto-cjk",
  "/usr/share/fonts/google-noto-cjk",
  "/usr/share/fonts/noto-cjk",
  "/usr/share/fonts/noto",
  "/usr/local/share/fonts",
];

export interface CjkFace {
  /** The collection's bytes. */
  data: Buffer;
  /** The face inside the collection, by PostScript name. */
  postscriptName: string;
  file: string;
}

export interface CjkFonts {
  serif: CjkFace;
  serifBold: CjkFace;
}

const WANTED = {
  serif: ["NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular"],
  serifBold: ["NotoSerifCJK-Bold.ttc", "NotoSerifCJKsc-Bold"],
} as const;

let cached: CjkFonts | undefined;

/** The three faces, or an error that says what to install. */
export function cjkFonts(): CjkFonts {
  if (cached) return cached;
  const faces = {} as Record<keyof CjkFonts, CjkFace>;
  for (const [key, [fileName, postscriptName]] of Object.entries(WANTED) as [keyof CjkFonts, readonly [string, string]][]) {
    const file = FONT_DIRS.map((dir) => path.join(dir, fileName)).find((candidate) => fs.existsSync(candidate));
    if (!file) {
      throw new Error(
        `The agreement PDF needs the Noto CJK fonts (${fileName} not found in ${FONT_DIRS.join(", ")}): ` +
          "install them with `apt-get install fonts-noto-cjk`.",
      );
    }
    faces[key] = { data: fs.readFileSync(file), postscriptName, file };
  }
  cached = faces;
  return faces;
}
