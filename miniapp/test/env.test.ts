import { resolveAsset } from '../src/services/env';

describe('resolveAsset (mini-program build: API on another origin)', () => {
  test('site-relative upload paths get the API origin', () => {
    expect(resolveAsset('/uploads/demo/1.svg')).toBe('http://127.0.0.1:3000/uploads/demo/1.svg');
    expect(resolveAsset('uploads/demo/1.svg')).toBe('http://127.0.0.1:3000/uploads/demo/1.svg');
  });
  test('absolute URLs pass through; empty stays empty', () => {
    expect(resolveAsset('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(resolveAsset('//cdn.example.com/a.png')).toBe('//cdn.example.com/a.png');
    expect(resolveAsset('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(resolveAsset(null)).toBe('');
    expect(resolveAsset(undefined)).toBe('');
  });
});
