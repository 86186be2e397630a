/* The content admin's comfort: long texts in Korean and English side by side, and a live character count.
 * modeltranslation builds its language tabs on jQuery's ready, which may come before or after the page's
 * load event: tabs built by then are laid out at load, later ones as jQuery UI creates them. Served
 * from our static files under the strict CSP. The count's wording comes from the server (gettext), in
 * the textarea's data-count-label ("%(count)s characters") and data-count-max-label attributes. */
(function () {
  "use strict";

  function showSideBySide(tabs) {
    if (!tabs.querySelector("textarea") || tabs.classList.contains("side-by-side")) {
      return;
    }
    tabs.classList.add("side-by-side");
    var links = tabs.querySelectorAll(":scope > ul a");
    tabs.querySelectorAll(":scope > div").forEach(function (panel, index) {
      if (!links[index]) {
        return;
      }
      var heading = document.createElement("p");
      heading.className = "side-by-side__language";
      heading.textContent = links[index].title || links[index].textContent;
      panel.insertBefore(heading, panel.firstChild);
    });
  }

  function countCharacters(field) {
    var output = document.createElement("p");
    output.className = "help char-count";
    output.setAttribute("aria-live", "polite");
    var max = field.getAttribute("maxlength");
    var label = max ? field.dataset.countMaxLabel : field.dataset.countLabel;
    function update() {
      output.textContent = label.replace("%(count)s", field.value.length).replace("%(max)s", max);
      output.classList.toggle("char-count--full", Boolean(max) && field.value.length >= Number(max));
    }
    field.addEventListener("input", update);
    field.insertAdjacentElement("afterend", output);
    update();
  }

  window.addEventListener("load", function () {
    var jQuery = window.django && window.django.jQuery;
    if (jQuery) {
      jQuery(document).on("tabscreate", function (event) {
        showSideBySide(event.target);
      });
    }
    document.querySelectorAll(".ui-tabs").forEach(showSideBySide);
    document.querySelectorAll("[data-count-label]").forEach(countCharacters);
  });
})();
