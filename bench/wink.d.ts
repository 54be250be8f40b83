// Type declarations for the two wink packages the benchmark's baseline uses (they ship none).

declare module 'wink-bm25-text-search' {
  /** A BM25F search engine (wink-bm25-text-search 3.x). */
  interface WinkBM25 {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number }; ovFldNames?: string[] }): boolean;
    definePrepTasks(tasks: Array<(input: any) => any>, field?: string): number;
    addDoc(doc: Record<string, string>, uniqueId: string | number): number;
    consolidate(fp?: number): boolean;
    /** Results as `[uniqueId, score]`, best first; ids come back as strings. */
    search(text: string, limit?: number): Array<[string, number]>;
    exportJSON(): string;
    importJSON(json: string): boolean;
    reset(): boolean;
  }
  function bm25(): WinkBM25;
  export = bm25;
}

declare module 'wink-nlp-utils' {
  type Task = (input: any) => any;
  const nlp: {
    string: Record<'lowerCase' | 'removeExtraSpaces' | 'tokenize0' | 'stem', Task> & { sentences(text: string): string[] };
    tokens: Record<'removeWords' | 'stem' | 'propagateNegations', Task>;
  };
  export = nlp;
}
