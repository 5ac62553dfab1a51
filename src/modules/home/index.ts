export { homeModule } from './home.pages.js';
