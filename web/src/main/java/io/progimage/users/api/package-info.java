/** HTTP for accounts: {@code POST /users} and {@code GET /user} (API.md §2, §4). */
package io.progimage.users.api;
