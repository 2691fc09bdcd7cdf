export * from './bootstrap-app';
