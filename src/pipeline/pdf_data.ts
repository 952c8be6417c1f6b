/**
 * @module
 * pdf.js's binary data: the CMaps that map the character codes of CJK fonts without a ToUnicode
 * table to CIDs and Unicode, and the standard fonts (the PDF standard 14, Symbol and ZapfDingbats
 * included) that PDFs name without embedding them. Without them pdf.js read nothing from a
 * Chinese PDF in the predefined `UniGB-UCS2-H` encoding and "4 3 n l" for "✔✓■●" in ZapfDingbats,
 * where pdftotext reads both (measured).
 *
 * The files come from the `pdfjs-dist` npm package of the pdf.js version unpdf bundles (6.1.200),
 * imported as bytes so that they are modules of the app: `deno compile` embeds them in the binary
 * (no network, no files beside it), and the sandboxed stage thread needs no read permission for
 * them. Each is imported with a literal specifier when pdf.js first asks for it, so a batch without
 * CJK PDFs never loads the 2.5 MB.
 */

type Bytes = () => Promise<{ default: Uint8Array }>;

/** Every CMap of pdfjs-dist/cmaps (packed, `.bcmap`), by the name pdf.js asks for. */
const CMAPS: Readonly<Record<string, Bytes>> = {
  "78-EUC-H": () => import("pdfjs-dist/cmaps/78-EUC-H.bcmap", { with: { type: "bytes" } }),
  "78-EUC-V": () => import("pdfjs-dist/cmaps/78-EUC-V.bcmap", { with: { type: "bytes" } }),
  "78-H": () => import("pdfjs-dist/cmaps/78-H.bcmap", { with: { type: "bytes" } }),
  "78-RKSJ-H": () => import("pdfjs-dist/cmaps/78-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "78-RKSJ-V": () => import("pdfjs-dist/cmaps/78-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "78-V": () => import("pdfjs-dist/cmaps/78-V.bcmap", { with: { type: "bytes" } }),
  "78ms-RKSJ-H": () => import("pdfjs-dist/cmaps/78ms-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "78ms-RKSJ-V": () => import("pdfjs-dist/cmaps/78ms-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "83pv-RKSJ-H": () => import("pdfjs-dist/cmaps/83pv-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "90ms-RKSJ-H": () => import("pdfjs-dist/cmaps/90ms-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "90ms-RKSJ-V": () => import("pdfjs-dist/cmaps/90ms-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "90msp-RKSJ-H": () => import("pdfjs-dist/cmaps/90msp-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "90msp-RKSJ-V": () => import("pdfjs-dist/cmaps/90msp-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "90pv-RKSJ-H": () => import("pdfjs-dist/cmaps/90pv-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "90pv-RKSJ-V": () => import("pdfjs-dist/cmaps/90pv-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "Add-H": () => import("pdfjs-dist/cmaps/Add-H.bcmap", { with: { type: "bytes" } }),
  "Add-RKSJ-H": () => import("pdfjs-dist/cmaps/Add-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "Add-RKSJ-V": () => import("pdfjs-dist/cmaps/Add-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "Add-V": () => import("pdfjs-dist/cmaps/Add-V.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-0": () => import("pdfjs-dist/cmaps/Adobe-CNS1-0.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-1": () => import("pdfjs-dist/cmaps/Adobe-CNS1-1.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-2": () => import("pdfjs-dist/cmaps/Adobe-CNS1-2.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-3": () => import("pdfjs-dist/cmaps/Adobe-CNS1-3.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-4": () => import("pdfjs-dist/cmaps/Adobe-CNS1-4.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-5": () => import("pdfjs-dist/cmaps/Adobe-CNS1-5.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-6": () => import("pdfjs-dist/cmaps/Adobe-CNS1-6.bcmap", { with: { type: "bytes" } }),
  "Adobe-CNS1-UCS2": () =>
    import("pdfjs-dist/cmaps/Adobe-CNS1-UCS2.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-0": () => import("pdfjs-dist/cmaps/Adobe-GB1-0.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-1": () => import("pdfjs-dist/cmaps/Adobe-GB1-1.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-2": () => import("pdfjs-dist/cmaps/Adobe-GB1-2.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-3": () => import("pdfjs-dist/cmaps/Adobe-GB1-3.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-4": () => import("pdfjs-dist/cmaps/Adobe-GB1-4.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-5": () => import("pdfjs-dist/cmaps/Adobe-GB1-5.bcmap", { with: { type: "bytes" } }),
  "Adobe-GB1-UCS2": () =>
    import("pdfjs-dist/cmaps/Adobe-GB1-UCS2.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-0": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-0.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-1": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-1.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-2": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-2.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-3": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-3.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-4": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-4.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-5": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-5.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-6": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-6.bcmap", { with: { type: "bytes" } }),
  "Adobe-Japan1-UCS2": () =>
    import("pdfjs-dist/cmaps/Adobe-Japan1-UCS2.bcmap", { with: { type: "bytes" } }),
  "Adobe-Korea1-0": () =>
    import("pdfjs-dist/cmaps/Adobe-Korea1-0.bcmap", { with: { type: "bytes" } }),
  "Adobe-Korea1-1": () =>
    import("pdfjs-dist/cmaps/Adobe-Korea1-1.bcmap", { with: { type: "bytes" } }),
  "Adobe-Korea1-2": () =>
    import("pdfjs-dist/cmaps/Adobe-Korea1-2.bcmap", { with: { type: "bytes" } }),
  "Adobe-Korea1-UCS2": () =>
    import("pdfjs-dist/cmaps/Adobe-Korea1-UCS2.bcmap", { with: { type: "bytes" } }),
  "B5-H": () => import("pdfjs-dist/cmaps/B5-H.bcmap", { with: { type: "bytes" } }),
  "B5-V": () => import("pdfjs-dist/cmaps/B5-V.bcmap", { with: { type: "bytes" } }),
  "B5pc-H": () => import("pdfjs-dist/cmaps/B5pc-H.bcmap", { with: { type: "bytes" } }),
  "B5pc-V": () => import("pdfjs-dist/cmaps/B5pc-V.bcmap", { with: { type: "bytes" } }),
  "CNS-EUC-H": () => import("pdfjs-dist/cmaps/CNS-EUC-H.bcmap", { with: { type: "bytes" } }),
  "CNS-EUC-V": () => import("pdfjs-dist/cmaps/CNS-EUC-V.bcmap", { with: { type: "bytes" } }),
  "CNS1-H": () => import("pdfjs-dist/cmaps/CNS1-H.bcmap", { with: { type: "bytes" } }),
  "CNS1-V": () => import("pdfjs-dist/cmaps/CNS1-V.bcmap", { with: { type: "bytes" } }),
  "CNS2-H": () => import("pdfjs-dist/cmaps/CNS2-H.bcmap", { with: { type: "bytes" } }),
  "CNS2-V": () => import("pdfjs-dist/cmaps/CNS2-V.bcmap", { with: { type: "bytes" } }),
  "ETHK-B5-H": () => import("pdfjs-dist/cmaps/ETHK-B5-H.bcmap", { with: { type: "bytes" } }),
  "ETHK-B5-V": () => import("pdfjs-dist/cmaps/ETHK-B5-V.bcmap", { with: { type: "bytes" } }),
  "ETen-B5-H": () => import("pdfjs-dist/cmaps/ETen-B5-H.bcmap", { with: { type: "bytes" } }),
  "ETen-B5-V": () => import("pdfjs-dist/cmaps/ETen-B5-V.bcmap", { with: { type: "bytes" } }),
  "ETenms-B5-H": () => import("pdfjs-dist/cmaps/ETenms-B5-H.bcmap", { with: { type: "bytes" } }),
  "ETenms-B5-V": () => import("pdfjs-dist/cmaps/ETenms-B5-V.bcmap", { with: { type: "bytes" } }),
  "EUC-H": () => import("pdfjs-dist/cmaps/EUC-H.bcmap", { with: { type: "bytes" } }),
  "EUC-V": () => import("pdfjs-dist/cmaps/EUC-V.bcmap", { with: { type: "bytes" } }),
  "Ext-H": () => import("pdfjs-dist/cmaps/Ext-H.bcmap", { with: { type: "bytes" } }),
  "Ext-RKSJ-H": () => import("pdfjs-dist/cmaps/Ext-RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "Ext-RKSJ-V": () => import("pdfjs-dist/cmaps/Ext-RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "Ext-V": () => import("pdfjs-dist/cmaps/Ext-V.bcmap", { with: { type: "bytes" } }),
  "GB-EUC-H": () => import("pdfjs-dist/cmaps/GB-EUC-H.bcmap", { with: { type: "bytes" } }),
  "GB-EUC-V": () => import("pdfjs-dist/cmaps/GB-EUC-V.bcmap", { with: { type: "bytes" } }),
  "GB-H": () => import("pdfjs-dist/cmaps/GB-H.bcmap", { with: { type: "bytes" } }),
  "GB-V": () => import("pdfjs-dist/cmaps/GB-V.bcmap", { with: { type: "bytes" } }),
  "GBK-EUC-H": () => import("pdfjs-dist/cmaps/GBK-EUC-H.bcmap", { with: { type: "bytes" } }),
  "GBK-EUC-V": () => import("pdfjs-dist/cmaps/GBK-EUC-V.bcmap", { with: { type: "bytes" } }),
  "GBK2K-H": () => import("pdfjs-dist/cmaps/GBK2K-H.bcmap", { with: { type: "bytes" } }),
  "GBK2K-V": () => import("pdfjs-dist/cmaps/GBK2K-V.bcmap", { with: { type: "bytes" } }),
  "GBKp-EUC-H": () => import("pdfjs-dist/cmaps/GBKp-EUC-H.bcmap", { with: { type: "bytes" } }),
  "GBKp-EUC-V": () => import("pdfjs-dist/cmaps/GBKp-EUC-V.bcmap", { with: { type: "bytes" } }),
  "GBT-EUC-H": () => import("pdfjs-dist/cmaps/GBT-EUC-H.bcmap", { with: { type: "bytes" } }),
  "GBT-EUC-V": () => import("pdfjs-dist/cmaps/GBT-EUC-V.bcmap", { with: { type: "bytes" } }),
  "GBT-H": () => import("pdfjs-dist/cmaps/GBT-H.bcmap", { with: { type: "bytes" } }),
  "GBT-V": () => import("pdfjs-dist/cmaps/GBT-V.bcmap", { with: { type: "bytes" } }),
  "GBTpc-EUC-H": () => import("pdfjs-dist/cmaps/GBTpc-EUC-H.bcmap", { with: { type: "bytes" } }),
  "GBTpc-EUC-V": () => import("pdfjs-dist/cmaps/GBTpc-EUC-V.bcmap", { with: { type: "bytes" } }),
  "GBpc-EUC-H": () => import("pdfjs-dist/cmaps/GBpc-EUC-H.bcmap", { with: { type: "bytes" } }),
  "GBpc-EUC-V": () => import("pdfjs-dist/cmaps/GBpc-EUC-V.bcmap", { with: { type: "bytes" } }),
  "H": () => import("pdfjs-dist/cmaps/H.bcmap", { with: { type: "bytes" } }),
  "HKdla-B5-H": () => import("pdfjs-dist/cmaps/HKdla-B5-H.bcmap", { with: { type: "bytes" } }),
  "HKdla-B5-V": () => import("pdfjs-dist/cmaps/HKdla-B5-V.bcmap", { with: { type: "bytes" } }),
  "HKdlb-B5-H": () => import("pdfjs-dist/cmaps/HKdlb-B5-H.bcmap", { with: { type: "bytes" } }),
  "HKdlb-B5-V": () => import("pdfjs-dist/cmaps/HKdlb-B5-V.bcmap", { with: { type: "bytes" } }),
  "HKgccs-B5-H": () => import("pdfjs-dist/cmaps/HKgccs-B5-H.bcmap", { with: { type: "bytes" } }),
  "HKgccs-B5-V": () => import("pdfjs-dist/cmaps/HKgccs-B5-V.bcmap", { with: { type: "bytes" } }),
  "HKm314-B5-H": () => import("pdfjs-dist/cmaps/HKm314-B5-H.bcmap", { with: { type: "bytes" } }),
  "HKm314-B5-V": () => import("pdfjs-dist/cmaps/HKm314-B5-V.bcmap", { with: { type: "bytes" } }),
  "HKm471-B5-H": () => import("pdfjs-dist/cmaps/HKm471-B5-H.bcmap", { with: { type: "bytes" } }),
  "HKm471-B5-V": () => import("pdfjs-dist/cmaps/HKm471-B5-V.bcmap", { with: { type: "bytes" } }),
  "HKscs-B5-H": () => import("pdfjs-dist/cmaps/HKscs-B5-H.bcmap", { with: { type: "bytes" } }),
  "HKscs-B5-V": () => import("pdfjs-dist/cmaps/HKscs-B5-V.bcmap", { with: { type: "bytes" } }),
  "Hankaku": () => import("pdfjs-dist/cmaps/Hankaku.bcmap", { with: { type: "bytes" } }),
  "Hiragana": () => import("pdfjs-dist/cmaps/Hiragana.bcmap", { with: { type: "bytes" } }),
  "KSC-EUC-H": () => import("pdfjs-dist/cmaps/KSC-EUC-H.bcmap", { with: { type: "bytes" } }),
  "KSC-EUC-V": () => import("pdfjs-dist/cmaps/KSC-EUC-V.bcmap", { with: { type: "bytes" } }),
  "KSC-H": () => import("pdfjs-dist/cmaps/KSC-H.bcmap", { with: { type: "bytes" } }),
  "KSC-Johab-H": () => import("pdfjs-dist/cmaps/KSC-Johab-H.bcmap", { with: { type: "bytes" } }),
  "KSC-Johab-V": () => import("pdfjs-dist/cmaps/KSC-Johab-V.bcmap", { with: { type: "bytes" } }),
  "KSC-V": () => import("pdfjs-dist/cmaps/KSC-V.bcmap", { with: { type: "bytes" } }),
  "KSCms-UHC-H": () => import("pdfjs-dist/cmaps/KSCms-UHC-H.bcmap", { with: { type: "bytes" } }),
  "KSCms-UHC-HW-H": () =>
    import("pdfjs-dist/cmaps/KSCms-UHC-HW-H.bcmap", { with: { type: "bytes" } }),
  "KSCms-UHC-HW-V": () =>
    import("pdfjs-dist/cmaps/KSCms-UHC-HW-V.bcmap", { with: { type: "bytes" } }),
  "KSCms-UHC-V": () => import("pdfjs-dist/cmaps/KSCms-UHC-V.bcmap", { with: { type: "bytes" } }),
  "KSCpc-EUC-H": () => import("pdfjs-dist/cmaps/KSCpc-EUC-H.bcmap", { with: { type: "bytes" } }),
  "KSCpc-EUC-V": () => import("pdfjs-dist/cmaps/KSCpc-EUC-V.bcmap", { with: { type: "bytes" } }),
  "Katakana": () => import("pdfjs-dist/cmaps/Katakana.bcmap", { with: { type: "bytes" } }),
  "NWP-H": () => import("pdfjs-dist/cmaps/NWP-H.bcmap", { with: { type: "bytes" } }),
  "NWP-V": () => import("pdfjs-dist/cmaps/NWP-V.bcmap", { with: { type: "bytes" } }),
  "RKSJ-H": () => import("pdfjs-dist/cmaps/RKSJ-H.bcmap", { with: { type: "bytes" } }),
  "RKSJ-V": () => import("pdfjs-dist/cmaps/RKSJ-V.bcmap", { with: { type: "bytes" } }),
  "Roman": () => import("pdfjs-dist/cmaps/Roman.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UCS2-H": () =>
    import("pdfjs-dist/cmaps/UniCNS-UCS2-H.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UCS2-V": () =>
    import("pdfjs-dist/cmaps/UniCNS-UCS2-V.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UTF16-H": () =>
    import("pdfjs-dist/cmaps/UniCNS-UTF16-H.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UTF16-V": () =>
    import("pdfjs-dist/cmaps/UniCNS-UTF16-V.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniCNS-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniCNS-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UTF8-H": () =>
    import("pdfjs-dist/cmaps/UniCNS-UTF8-H.bcmap", { with: { type: "bytes" } }),
  "UniCNS-UTF8-V": () =>
    import("pdfjs-dist/cmaps/UniCNS-UTF8-V.bcmap", { with: { type: "bytes" } }),
  "UniGB-UCS2-H": () => import("pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap", { with: { type: "bytes" } }),
  "UniGB-UCS2-V": () => import("pdfjs-dist/cmaps/UniGB-UCS2-V.bcmap", { with: { type: "bytes" } }),
  "UniGB-UTF16-H": () =>
    import("pdfjs-dist/cmaps/UniGB-UTF16-H.bcmap", { with: { type: "bytes" } }),
  "UniGB-UTF16-V": () =>
    import("pdfjs-dist/cmaps/UniGB-UTF16-V.bcmap", { with: { type: "bytes" } }),
  "UniGB-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniGB-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniGB-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniGB-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniGB-UTF8-H": () => import("pdfjs-dist/cmaps/UniGB-UTF8-H.bcmap", { with: { type: "bytes" } }),
  "UniGB-UTF8-V": () => import("pdfjs-dist/cmaps/UniGB-UTF8-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UCS2-H": () =>
    import("pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UCS2-HW-H": () =>
    import("pdfjs-dist/cmaps/UniJIS-UCS2-HW-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UCS2-HW-V": () =>
    import("pdfjs-dist/cmaps/UniJIS-UCS2-HW-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UCS2-V": () =>
    import("pdfjs-dist/cmaps/UniJIS-UCS2-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UTF16-H": () =>
    import("pdfjs-dist/cmaps/UniJIS-UTF16-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UTF16-V": () =>
    import("pdfjs-dist/cmaps/UniJIS-UTF16-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniJIS-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniJIS-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UTF8-H": () =>
    import("pdfjs-dist/cmaps/UniJIS-UTF8-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS-UTF8-V": () =>
    import("pdfjs-dist/cmaps/UniJIS-UTF8-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS2004-UTF16-H": () =>
    import("pdfjs-dist/cmaps/UniJIS2004-UTF16-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS2004-UTF16-V": () =>
    import("pdfjs-dist/cmaps/UniJIS2004-UTF16-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS2004-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniJIS2004-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS2004-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniJIS2004-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniJIS2004-UTF8-H": () =>
    import("pdfjs-dist/cmaps/UniJIS2004-UTF8-H.bcmap", { with: { type: "bytes" } }),
  "UniJIS2004-UTF8-V": () =>
    import("pdfjs-dist/cmaps/UniJIS2004-UTF8-V.bcmap", { with: { type: "bytes" } }),
  "UniJISPro-UCS2-HW-V": () =>
    import("pdfjs-dist/cmaps/UniJISPro-UCS2-HW-V.bcmap", { with: { type: "bytes" } }),
  "UniJISPro-UCS2-V": () =>
    import("pdfjs-dist/cmaps/UniJISPro-UCS2-V.bcmap", { with: { type: "bytes" } }),
  "UniJISPro-UTF8-V": () =>
    import("pdfjs-dist/cmaps/UniJISPro-UTF8-V.bcmap", { with: { type: "bytes" } }),
  "UniJISX0213-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniJISX0213-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniJISX0213-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniJISX0213-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniJISX02132004-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniJISX02132004-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniJISX02132004-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniJISX02132004-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniKS-UCS2-H": () => import("pdfjs-dist/cmaps/UniKS-UCS2-H.bcmap", { with: { type: "bytes" } }),
  "UniKS-UCS2-V": () => import("pdfjs-dist/cmaps/UniKS-UCS2-V.bcmap", { with: { type: "bytes" } }),
  "UniKS-UTF16-H": () =>
    import("pdfjs-dist/cmaps/UniKS-UTF16-H.bcmap", { with: { type: "bytes" } }),
  "UniKS-UTF16-V": () =>
    import("pdfjs-dist/cmaps/UniKS-UTF16-V.bcmap", { with: { type: "bytes" } }),
  "UniKS-UTF32-H": () =>
    import("pdfjs-dist/cmaps/UniKS-UTF32-H.bcmap", { with: { type: "bytes" } }),
  "UniKS-UTF32-V": () =>
    import("pdfjs-dist/cmaps/UniKS-UTF32-V.bcmap", { with: { type: "bytes" } }),
  "UniKS-UTF8-H": () => import("pdfjs-dist/cmaps/UniKS-UTF8-H.bcmap", { with: { type: "bytes" } }),
  "UniKS-UTF8-V": () => import("pdfjs-dist/cmaps/UniKS-UTF8-V.bcmap", { with: { type: "bytes" } }),
  "V": () => import("pdfjs-dist/cmaps/V.bcmap", { with: { type: "bytes" } }),
  "WP-Symbol": () => import("pdfjs-dist/cmaps/WP-Symbol.bcmap", { with: { type: "bytes" } }),
};

/** Every font of pdfjs-dist/standard_fonts, by its file name. */
const STANDARD_FONTS: Readonly<Record<string, Bytes>> = {
  "FoxitDingbats.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitDingbats.pfb", { with: { type: "bytes" } }),
  "FoxitFixed.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitFixed.pfb", { with: { type: "bytes" } }),
  "FoxitFixedBold.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitFixedBold.pfb", { with: { type: "bytes" } }),
  "FoxitFixedBoldItalic.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitFixedBoldItalic.pfb", { with: { type: "bytes" } }),
  "FoxitFixedItalic.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitFixedItalic.pfb", { with: { type: "bytes" } }),
  "FoxitSerif.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitSerif.pfb", { with: { type: "bytes" } }),
  "FoxitSerifBold.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitSerifBold.pfb", { with: { type: "bytes" } }),
  "FoxitSerifBoldItalic.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitSerifBoldItalic.pfb", { with: { type: "bytes" } }),
  "FoxitSerifItalic.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitSerifItalic.pfb", { with: { type: "bytes" } }),
  "FoxitSymbol.pfb": () =>
    import("pdfjs-dist/standard_fonts/FoxitSymbol.pfb", { with: { type: "bytes" } }),
  "LiberationSans-Bold.ttf": () =>
    import("pdfjs-dist/standard_fonts/LiberationSans-Bold.ttf", { with: { type: "bytes" } }),
  "LiberationSans-BoldItalic.ttf": () =>
    import("pdfjs-dist/standard_fonts/LiberationSans-BoldItalic.ttf", { with: { type: "bytes" } }),
  "LiberationSans-Italic.ttf": () =>
    import("pdfjs-dist/standard_fonts/LiberationSans-Italic.ttf", { with: { type: "bytes" } }),
  "LiberationSans-Regular.ttf": () =>
    import("pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf", { with: { type: "bytes" } }),
};

/** The base "URLs" pdf.js is given: it only checks their form and passes them back here. */
export const CMAP_URL = "gleaner:cmaps/";
export const STANDARD_FONT_DATA_URL = "gleaner:standard_fonts/";

/**
 * pdf.js's `BinaryDataFactory`: hands it CMaps and standard fonts from the embedded modules.
 * pdf.js asks with `{ kind, filename }`; a name that is not in the tables (a PDF can name any
 * CMap) is refused, and pdf.js then goes on without it as it would without the data.
 */
export class EmbeddedBinaryData {
  // pdf.js constructs the factory with the URLs; they carry nothing this class needs.
  constructor(_urls: unknown) {}

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = lookUp(kind, filename);
    if (!load) throw new Error(`no ${kind} data named ${JSON.stringify(filename)}`);
    return (await load()).default;
  }
}

function lookUp(kind: string, filename: string): Bytes | undefined {
  if (kind === "cMapUrl" && filename.endsWith(".bcmap")) {
    const name = filename.slice(0, -".bcmap".length);
    return Object.hasOwn(CMAPS, name) ? CMAPS[name] : undefined;
  }
  if (kind === "standardFontDataUrl") {
    return Object.hasOwn(STANDARD_FONTS, filename) ? STANDARD_FONTS[filename] : undefined;
  }
  return undefined;
}

/** The names the tables hold, for the test that compares them with the package. */
export const EMBEDDED = {
  cmaps: Object.keys(CMAPS).map((name) => `${name}.bcmap`),
  standardFonts: Object.keys(STANDARD_FONTS),
};
