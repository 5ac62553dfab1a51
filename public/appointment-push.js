// Beratungstermine: the optional push reminder 2 hours before (progressive enhancement). The section is
// hidden in the page; it appears only where the browser can receive push messages. The button asks the
// browser for permission, subscribes with the portal's VAPID key and sends the subscription in the form.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const section = document.querySelector('[data-push-reminder]');
  const form = section && section.querySelector('form[data-push-key]');
  if (!form || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
  if (Notification.permission === 'denied') return;
  section.hidden = false;

  const keyBytes = (base64url) => {
    const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };

  form.addEventListener('submit', async (event) => {
    if (form.elements.endpoint.value) return;
    event.preventDefault();
    try {
      if ((await Notification.requestPermission()) !== 'granted') return;
      await navigator.serviceWorker.register('/sw.js');
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ||
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(form.getAttribute('data-push-key')) }));
      const json = subscription.toJSON();
      form.elements.endpoint.value = json.endpoint || '';
      form.elements.p256dh.value = (json.keys && json.keys.p256dh) || '';
      form.elements.auth.value = (json.keys && json.keys.auth) || '';
      form.submit();
    } catch {
      // Without permission or push support the e-mail reminder remains; the page says nothing more.
    }
  });
});
