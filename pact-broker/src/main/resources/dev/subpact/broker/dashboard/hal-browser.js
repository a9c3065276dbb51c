// The subpact broker's HAL browser: GET a resource as HAL, list its links (templated ones get a
// form for their variables), show the body. The resource path lives in the page's #fragment.
(function () {
  'use strict';
  var pathInput = document.getElementById('hal-path');
  var linksTable = document.getElementById('hal-links');
  var bodyView = document.getElementById('hal-body');
  var statusView = document.getElementById('hal-status');

  // The broker's own links without scheme and host; a URI template's braces kept as written.
  function local(href) {
    var origin = href.match(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i);
    return origin ? href.slice(origin[0].length) || '/' : href;
  }

  // "pb:pacticipants" → the documentation page its curie names, or null.
  function docFor(rel, curies) {
    var colon = rel.indexOf(':');
    var curie = colon < 0 ? null : curies.filter(function (c) { return c.name === rel.slice(0, colon); })[0];
    return curie ? local(curie.href).replace('{rel}', encodeURIComponent(rel.slice(colon + 1))) : null;
  }

  function cell(row, content) {
    var td = document.createElement('td');
    if (typeof content === 'string') {
      td.textContent = content;
    } else {
      td.appendChild(content);
    }
    row.appendChild(td);
    return td;
  }

  function navigate(path) {
    location.hash = path;
  }

  function followLink(path) {
    var a = document.createElement('a');
    a.href = '#' + path;
    a.textContent = path;
    return a;
  }

  function templateForm(href) {
    var form = document.createElement('form');
    var names = [];
    href.replace(/\{([^}]+)\}/g, function (_, name) { names.push(name); return ''; });
    names.forEach(function (name) {
      var label = document.createElement('label');
      label.textContent = name + ' ';
      var input = document.createElement('input');
      input.name = name;
      input.required = true;
      label.appendChild(input);
      form.appendChild(label);
    });
    var button = document.createElement('button');
    button.textContent = 'Go';
    form.appendChild(button);
    var template = document.createElement('code');
    template.textContent = local(href);
    form.insertBefore(template, form.firstChild);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var path = local(href).replace(/\{([^}]+)\}/g, function (_, name) {
        return encodeURIComponent(form.elements[name].value);
      });
      navigate(path);
    });
    return form;
  }

  function show(path, status, json) {
    statusView.textContent = 'GET ' + path + ' → ' + status;
    while (linksTable.rows.length > 1) {
      linksTable.deleteRow(1);
    }
    var links = (json && json._links) || {};
    var curies = [].concat(links.curies || []);
    Object.keys(links).forEach(function (rel) {
      [].concat(links[rel]).forEach(function (link) {
        if (!link || !link.href) {
          return;
        }
        var row = linksTable.insertRow(-1);
        var doc = docFor(rel, curies);
        if (doc) {
          var a = document.createElement('a');
          a.href = doc;
          a.textContent = rel;
          a.title = 'What ' + rel + ' is';
          cell(row, a);
        } else {
          cell(row, rel);
        }
        cell(row, link.title || link.name || '');
        cell(row, link.templated ? templateForm(link.href) : followLink(local(link.href)));
      });
    });
    bodyView.textContent = JSON.stringify(json, null, 2);
  }

  function load() {
    var path = location.hash.slice(1) || '/';
    pathInput.value = path;
    statusView.textContent = 'GET ' + path + ' …';
    fetch(path, { headers: { Accept: 'application/hal+json' } })
      .then(function (response) {
        return response.text().then(function (text) {
          var json;
          try {
            json = JSON.parse(text);
          } catch (e) {
            json = { body: text };
          }
          show(path, response.status, json);
        });
      })
      .catch(function (error) {
        statusView.textContent = 'GET ' + path + ' failed: ' + error;
      });
  }

  document.getElementById('hal-go').addEventListener('submit', function (event) {
    event.preventDefault();
    navigate(pathInput.value || '/');
  });
  window.addEventListener('hashchange', load);
  load();
}());
