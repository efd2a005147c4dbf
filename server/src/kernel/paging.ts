/** The rows a 1-based page covers, as SQL's LIMIT / OFFSET. */
export const pageWindow = (p: { page: number; pageSize: number }) => ({
  limit: p.pageSize,
  offset: (p.page - 1) * p.pageSize,
});
