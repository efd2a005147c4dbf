// Mini-programs load their pages themselves: nothing to bring forward. H5 takes first-page.h5.ts.
export {};
