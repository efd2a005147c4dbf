// Mini-programs draw their navigation and tab bars natively. H5 takes landmarks.h5.ts.
export {};
