/**
 * The one factory of the app's file store: the local directory DATA_DIR/files, or the bucket of
 * FILES_URL, which must answer now (else a FileStoreSetupError that says why). The AWS SDK is
 * loaded only for a bucket.
 */
import type { FilesLocation } from '../../config.js';
import { createFileStore, type FileStore } from './file-store.js';

/** A store the app opened, and closes when it stops. */
export interface OpenFileStore extends FileStore {
  close(): void;
}

export async function openFileStore(location: FilesLocation): Promise<OpenFileStore> {
  if (location.kind === 'local') return { ...createFileStore(location.directory), close() {} };
  const { createS3FileStore } = await import('./s3-file-store.js');
  const store = createS3FileStore(location.s3);
  try {
    await store.check();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}
