"""The app's shell: the main window, its menus, pages, welcome and look."""
