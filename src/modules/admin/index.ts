export { adminModule } from './admin.pages.js';
