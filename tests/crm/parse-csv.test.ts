import { CrmFileError, decodeText, detectSeparator, parseCsv } from "../../src/crm";

function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff], 0);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [first, second] = endian === "le" ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

describe("parseCsv", () => {
  it("reads a comma-separated export with its headers and rows", () => {
    const table = parseCsv("Deal - Title,Deal - Value\nAlpha,100\nBeta,200\n");
    expect(table.separator).toBe(",");
    expect(table.headers).toEqual(["Deal - Title", "Deal - Value"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["Alpha", "100"] },
      { rowNumber: 3, cells: ["Beta", "200"] },
    ]);
  });

  it("detects a semicolon separator even when the values hold decimal commas", () => {
    const table = parseCsv("Titre;Valeur;Devise\nAlpha;1 234,56;EUR\nBeta;12,5;EUR");
    expect(table.separator).toBe(";");
    expect(table.rows[0]!.cells).toEqual(["Alpha", "1 234,56", "EUR"]);
  });

  it("detects a tab separator", () => {
    expect(parseCsv("a\tb\n1\t2").rows[0]!.cells).toEqual(["1", "2"]);
    expect(detectSeparator('"x,y"\tz\n')).toBe("\t");
  });

  it("keeps a quoted field with line breaks in one row and numbers the following rows as Excel does", () => {
    const table = parseCsv('Title,Note\nAlpha,"line one\nline two\nline three"\nBeta,plain\n');
    expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 3]);
    expect(table.rows[0]!.cells[1]).toBe("line one\nline two\nline three");
    expect(table.rows[1]!.cells).toEqual(["Beta", "plain"]);
  });

  it("skips blank lines but still counts them in row numbers", () => {
    const table = parseCsv("a,b\n1,2\n\n3,4\r\n");
    expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 4]);
  });

  it("pads short rows with empty cells", () => {
    expect(parseCsv("a,b,c\n1").rows[0]!.cells).toEqual(["1", null, null]);
  });

  it("decodes UTF-8 with and without a byte-order mark", () => {
    const text = "Affaire - Étape;Valeur\nGagné;1\n";
    const plain = new TextEncoder().encode(text);
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(parseCsv(plain).headers).toEqual(["Affaire - Étape", "Valeur"]);
    expect(parseCsv(withMark).headers).toEqual(["Affaire - Étape", "Valeur"]);
    expect(parseCsv(withMark.buffer).rows[0]!.cells[0]).toBe("Gagné");
  });

  it("decodes Excel's Unicode text (UTF-16 LE with a mark, tab-separated) and UTF-16 BE", () => {
    const text = "Titre\tValeur\nÉté\t1 234,56\n";
    for (const endian of ["le", "be"] as const) {
      const table = parseCsv(utf16(text, endian));
      expect(table.separator).toBe("\t");
      expect(table.rows[0]!.cells).toEqual(["Été", "1 234,56"]);
    }
  });

  it("falls back to Windows-1252 for a French ANSI CSV that is not valid UTF-8", () => {
    const bytes = new Uint8Array([0x45, 0x74, 0x61, 0x70, 0x65, 0x0a, 0x47, 0x61, 0x67, 0x6e, 0xe9]); // "Etape\nGagné"
    expect(decodeText(bytes)).toBe("Etape\nGagné");
  });

  it("refuses UTF-16 without a byte-order mark rather than reading garbage", () => {
    const bytes = utf16("a,b\n1,2\n", "le").subarray(2);
    expect(() => parseCsv(bytes)).toThrow(CrmFileError);
  });

  it("refuses a file without a header row", () => {
    expect(() => parseCsv("\n\n")).toThrow("The file holds no header row.");
  });
});
