export { homeModule, safeLocalPath } from './home.pages.js';
