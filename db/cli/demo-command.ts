export async function demoCommand(_file: string, _flags: Record<string, string>): Promise<number> {
  console.error('demo: em construção');
  return 1;
}
