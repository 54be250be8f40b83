// html-encoding-sniffer ships no types; this is its whole API (README: "Options").
declare module 'html-encoding-sniffer' {
  /** The canonical name of the encoding of an HTML byte stream, by the HTML standard's sniffing algorithm. */
  export default function sniffHtmlEncoding(bytes: Uint8Array, options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string }): string;
}
