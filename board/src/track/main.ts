import './track.css';
import { createTrackApp } from './app';
import { tokenFromPath } from './format';

createTrackApp({ token: tokenFromPath(location.pathname) }).mount('#app');
