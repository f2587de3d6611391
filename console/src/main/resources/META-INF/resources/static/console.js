// The console's only script (the Content-Security-Policy allows none inline). A partial update (htmx) whose
// session ended is answered 499 by the sign-in (quarkus-oidc, java-script-auto-redirect=false): the whole page
// is asked for again, which leads to the identity provider and back.
document.addEventListener("htmx:responseError", function (event) {
  if (event.detail.xhr.status === 499) {
    window.location.reload();
  }
});
