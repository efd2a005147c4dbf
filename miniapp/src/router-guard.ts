// Mini-programs run their own page stack. H5 takes router-guard.h5.ts.
export {};
