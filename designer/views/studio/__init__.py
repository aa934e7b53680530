"""The studio (button and banner designs) and the window studio (the conversation window).

How it fits together, as in orange-canvas-core:
  designer.models.design_document  the document: plain Python, observable (no Qt)
  studio_commands                  one small undo command per operation on it, saved at once
  studio_actions                   what a designer can do, each pushed as a command
  studio_scene, *_item             the scene mirrors the document, one item per element
  studio_tools, snapping           gestures (select, move, resize, place) -> actions
  studio_canvas, rulers            the view: zoom, fit, rulers, image drops, its own keys
  inspector, property_form         fields from the PropSpec declarations, with live checks
  studio_editor                    StudioEditor(session, engagement_id): all of the above
  window_studio, window_item       WindowStudioEditor(session, engagement_id): the window
  window_view, window_page         its canvas view (parts clicked) and the page around it
  window_elements                  elements added to the window: items, drag, resize, keys
  window_element_tools             the row that adds them and the selected one's fields
  designer.models.window_checks    the checks behind the notes beside the window's own fields
"""
