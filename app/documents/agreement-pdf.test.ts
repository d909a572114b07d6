import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { longAgreement, typicalAgreement } from "./agreement-pdf.fixtures";
import { chineseDate, renderAgreementPdf } from "./agreement-pdf.server";
import { qrMatrix } from "./qr";

/** The text of each page, items joined as they come (a wrapped line continues the one before). */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const loaded = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= loaded.numPages; n++) {
    const content = await (await loaded.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await loaded.destroy();
  return pages;
}

/** The embedded font programs: the FontFile stream each descriptor points at, with its compressed length. */
function fontFiles(pdf: Buffer): { kind: string; fontName: string; bytes: number }[] {
  const text = pdf.toString("latin1");
  const objects = new Map<string, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(match[1]!, match[2]!);
  return [...objects.values()]
    .filter((body) => body.includes("/Type /FontDescriptor"))
    .map((body) => {
      const file = /\/(FontFile[23]?) (\d+) 0 R/.exec(body);
      const stream = file ? objects.get(file[2]!) : undefined;
      return {
        kind: file?.[1] ?? "none",
        fontName: /\/FontName \/(\S+)/.exec(body)?.[1] ?? "",
        bytes: Number(/\/Length (\d+)/.exec(stream ?? "")?.[1] ?? 0),
      };
    });
}

const hasPdftoppm = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("renderAgreementPdf", () => {
  let typical: Buffer;
  let long: Buffer;
  let typicalPages: string[];
  let longPages: string[];

  beforeAll(async () => {
    typical = await renderAgreementPdf(typicalAgreement);
    long = await renderAgreementPdf(longAgreement());
    [typicalPages, longPages] = await Promise.all([pageTexts(typical), pageTexts(long)]);
  }, 60_000);

  it("is a PDF whose text holds the number, the parties, the amounts in capitals and the footers", () => {
    expect(typical.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const all = typicalPages.join("");
    // The title is set with letter spacing, which text extraction reads as spaces.
    expect(all.replace(/\s/g, "")).toContain("人民调解协议书");
    expect(all).toContain("普调〔2026〕00123号");
    expect(all).toContain("沈晓渔");
    expect(all).toContain("舟山蓝湾示例渔业有限公司");
    expect(all).toContain("人民币32,000.00元（大写：人民币叁万贰仟元整）");
    expect(all).toContain("人民币玖仟元整");
    expect(all).toContain("当事人可以自协议生效之日起三十日内共同向人民法院申请司法确认");
    expect(all).toContain("本协议一式三份");
    expect(all).toContain("人民调解员：郑明岚（签名）");
    expect(all).toContain("申请人：沈晓渔（签名、盖章或按指印）");
    expect(all).toContain("2026年12月1日");
    expect(typicalPages.length).toBeLessThanOrEqual(2);
    typicalPages.forEach((page, i) => {
      expect(page).toContain(`第 ${i + 1} 页 共 ${typicalPages.length} 页`);
      expect(page).toContain("扫码核验");
    });
  });

  it("leaves phone numbers off the page", () => {
    const all = typicalPages.join("");
    expect(all).not.toContain("13800000000");
    expect(all).not.toContain("0580-0000000");
  });

  it("embeds subsets of the CJK fonts, small enough to mail", () => {
    const fonts = fontFiles(typical);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.kind).toMatch(/^FontFile[23]$/);
      expect(font.fontName).toMatch(/^[A-Z]{6}\+NotoSerifCJKsc-/);
      // The whole faces are 26-27 MB; a subset of a few hundred glyphs stays well under 200 KB.
      expect(font.bytes).toBeGreaterThan(1000);
      expect(font.bytes).toBeLessThan(200_000);
    }
    expect(typical.length).toBeLessThan(400_000);
    console.info(
      `typical agreement: ${typicalPages.length} pages, ${typical.length} bytes; fonts ${fonts.map((f) => `${f.fontName} ${f.bytes}`).join(", ")}`,
    );
  });

  it("paginates a long agreement and keeps every obligation", () => {
    const doc = longAgreement();
    expect(longPages.length).toBeGreaterThan(1);
    const all = longPages.join("");
    doc.obligations.forEach((obligation, i) => {
      expect(all).toContain(`${i + 1}．${obligation.obligor}向${obligation.obligee}${obligation.description}`);
      expect(all).toContain(`第${i + 1}项`);
    });
    expect(all).toContain("第十二期");
    longPages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${longPages.length} 页`));
    // The signatures and the seal end the last page, together.
    const last = longPages.at(-1)!;
    expect(last).toContain("（以下无正文）");
    expect(last).toContain("普陀区渔业纠纷人民调解委员会（印章）");
  });

  it("is a function of the agreement: the same input gives the same bytes", async () => {
    expect((await renderAgreementPdf(typicalAgreement)).equals(typical)).toBe(true);
  });

  it("prints an agreement that asks nothing more of anyone (an apology made and accepted)", async () => {
    const text = (await pageTexts(await renderAgreementPdf({ ...typicalAgreement, obligations: [] }))).join("");
    expect(text).toContain("本协议不设需要履行的义务");
    expect(text).toContain("（以下无正文）");
  });

  it("refuses an agreement it cannot print honestly", async () => {
    const bad = structuredClone(typicalAgreement);
    bad.obligations[1]!.instalments![1]!.amountYuan = 8000;
    await expect(renderAgreementPdf(bad)).rejects.toThrow(/instalments add up to 17,000.00, not 18,000.00/);
    await expect(renderAgreementPdf({ ...typicalAgreement, signedDate: "2026-02-30" })).rejects.toThrow(/ISO date/);
    await expect(renderAgreementPdf({ ...typicalAgreement, verifyUrl: "javascript:alert(1)" })).rejects.toThrow(/http/);
  });

  it("encodes the verification URL in the QR code's matrix", () => {
    const matrix = qrMatrix(typicalAgreement.verifyUrl);
    // Version 4 or so for a URL of this length: 33 modules a side, finder patterns in three corners.
    expect(matrix.size).toBeGreaterThanOrEqual(21);
    for (const [row, col] of [
      [0, 0],
      [0, matrix.size - 7],
      [matrix.size - 7, 0],
    ] as const) {
      expect(matrix.isDark(row, col)).toBe(true);
      expect(matrix.isDark(row + 1, col + 1)).toBe(false);
      expect(matrix.isDark(row + 3, col + 3)).toBe(true);
    }
  });

  // Rendering the page needs poppler-utils (pdftoppm), which .ci/run installs.
  it.skipIf(!hasPdftoppm)("prints a QR code that reads back as the verification URL, on every page", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agreement-qr-"));
    try {
      const file = path.join(dir, "agreement.pdf");
      fs.writeFileSync(file, long);
      for (const pageNumber of [1, longPages.length]) {
        // Only the footer's corner, at 200 dpi: the QR code is 58 pt wide, about 160 px.
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "200",
          "-f",
          String(pageNumber),
          "-l",
          String(pageNumber),
          "-x",
          "1100",
          "-y",
          "2050",
          "-W",
          "553",
          "-H",
          "289",
          "-singlefile",
          file,
          path.join(dir, `page-${pageNumber}`),
        ]);
        const png = PNG.sync.read(fs.readFileSync(path.join(dir, `page-${pageNumber}.png`)));
        const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        expect(code?.data).toBe(longAgreement().verifyUrl);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("chineseDate", () => {
  it("writes an ISO date as a Chinese document does", () => {
    expect(chineseDate("2027-01-31")).toBe("2027年1月31日");
    expect(() => chineseDate("2027-1-31")).toThrow(RangeError);
    expect(() => chineseDate("2027-02-29")).toThrow(RangeError);
  });
});
