/**
 * The file's bytes as base64 for `import.preview` / `import.run`, reporting progress from 0 to 1. The backend
 * decides what the file is (.xlsx, .xls, CSV in UTF-8 or Windows-1252), so the screen never guesses.
 * FileReader's data URL is base64 made natively, which stays quick on a 50 MB workbook.
 */
export function readFileBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error('leitura'));
    reader.onload = () => {
      onProgress(1);
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
