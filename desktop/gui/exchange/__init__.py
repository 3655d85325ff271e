"""Exchange with the panel: returning a package (File › 交回评阅包) and keeping the file whole while open."""
