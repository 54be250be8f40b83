// wrap-ansi 7 (the last CommonJS major) ships no types; this is the part the chat uses.
declare module 'wrap-ansi' {
  function wrapAnsi(input: string, columns: number, options?: { hard?: boolean; trim?: boolean; wordWrap?: boolean }): string;
  export = wrapAnsi;
}
