import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import './wall.css';

document.documentElement.lang = i18n.global.locale.value === 'zh' ? 'zh-CN' : 'en';
createApp(App).use(createPinia()).use(i18n).mount('#app');
